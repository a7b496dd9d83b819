# fedora-copr/copr frontend/coprs_frontend/coprs/logic/packages_logic.py @ 5bb22502cdf4237f00c445595ff9acb3e0cf99b0 (before) the fix a22af0a1340a73cbaf246d3a16b831729176905a: the query the script iterates (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from coprs import models


class PackagesLogic(object):
    @classmethod
    def webhook_package_candidates(cls, source_type):
        """(package, last_build) pairs; an expensive query."""
        return (
            models.Package.query
            .filter(models.Package.source_type == source_type)
            .filter(models.Package.webhook_rebuild.is_(True))
        )
