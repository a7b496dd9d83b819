# skylines-project/skylines skylines/lib/waypoints/__init__.py @ 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4 (after) the fix 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4: package marker
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
