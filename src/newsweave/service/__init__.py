"""The flow run against the world: ingest into the store, watch feeds, export, notify, and
the library's ``Database``.

It sits above the store, the readers (``ingest/``) and the renderers, and calls down into
them: nothing below imports it. ``newsweave.open_store`` and the CLI's store commands are
thin shells over these functions.
"""
