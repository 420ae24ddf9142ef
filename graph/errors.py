"""One exception root; every message names the file, actor or value at fault."""


class ActorgraphError(Exception):
    """Base of every error actorgraph raises on purpose."""


class InputError(ActorgraphError):
    """A document or data file that cannot be read (the message names it)."""


class StoreError(ActorgraphError):
    """A store that cannot be read or written."""


class StoreUnavailable(StoreError):
    """The store's server is down, refuses the credentials, or lacks the database."""


class StoreLocked(StoreError):
    """Another process is writing the same NetworkX store file."""


class ActorNotFound(ActorgraphError):
    """No actor matches the name given."""


class NoPath(ActorgraphError):
    """No alliance path joins two actors."""
