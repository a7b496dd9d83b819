# fedora-copr/copr frontend/coprs_frontend/commands/__init__.py @ 731a4c410262aa4e04fcea5684e540c03663e9d9 (before) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: package marker
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
