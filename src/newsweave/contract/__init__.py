"""The brief's JSON both ways (docs/contract.md): ``encode`` writes it, ``decode`` reads it
back into the ``Brief`` record, ``schema`` describes it for the API.

One home for the format the CLI prints, the store keeps, the web app serves and the tests and
benchmarks read. ``encode`` needs the model's records only for their types, so ``Brief.to_dict``
can call it without the two importing each other.
"""

from newsweave.contract.decode import article_from_dict, brief_from_dict
from newsweave.contract.encode import SCHEMA, article_dict, brief_dict, dumps

__all__ = ["SCHEMA", "article_dict", "article_from_dict", "brief_dict", "brief_from_dict", "dumps"]
