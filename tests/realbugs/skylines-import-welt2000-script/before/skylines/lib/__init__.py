# skylines-project/skylines skylines/lib/__init__.py @ e4e97c9ded28cc4d52568ae7b68935aaf1027aeb (before) the fix 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4: package marker
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
