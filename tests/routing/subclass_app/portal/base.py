from .wrappers import PortalFlask


class TenantFlask(PortalFlask):
    """A subclass of a subclass, in another module."""
