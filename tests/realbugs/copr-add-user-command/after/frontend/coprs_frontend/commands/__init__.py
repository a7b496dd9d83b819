# fedora-copr/copr frontend/coprs_frontend/commands/__init__.py @ 9d103adb22b0e207ee85619d78afd08bf252c008 (after) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: package marker
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
