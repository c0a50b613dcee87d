"""Batch runs: the same stages as ``newsweave brief``, over many inputs, on many processes.

ingest → extract → analyze → cluster → crosscheck, in three steps with one pure function each
(``stages.py``): a map over chunks of documents (extraction and story features), one fold that
groups every article into stories (``StoryClusterer`` in publication order), and a map over
batches of stories (analysis, cross-check, the brief). An engine (``engines.py``: a local
process pool, or Dask) only runs those functions; the output (``parquet.py``) is the same
whichever ran them.

Import from the submodules (``newsweave.batch.run``): this package module stays empty so
that a worker process unpickling a task does not import the models' libraries before it has
set its thread limits.
"""
