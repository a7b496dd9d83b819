from flask import Blueprint, Flask


class PortalFlask(Flask):
    """The project's own app class (like Indico's, CKAN's or pgAdmin's)."""

    def log_exception(self, exc_info):
        super().log_exception(exc_info)


class PortalBlueprint(Blueprint):
    """A blueprint subclass whose instances add rules as any blueprint does."""


class MountedBlueprint(PortalBlueprint):
    """Two levels down, in the same module."""
