"""Where pipeline batches are coded: on worker processes of this machine or on a Dask
cluster (#8); the only importer of dask.

`pipeline.run` reads, skips and stores in the calling process (one writer) and hands each batch
of documents to a `map`-like function; `open_mapper` gives it one that sends the batches to
local worker processes (`--workers N`, scale/pool.py), to an existing Dask scheduler
(`--scheduler`, scale/batches.py), or the builtin `map` when neither is asked for (then dask is
not even imported).
"""

from riftwatch.scale.cluster import ClusterError, open_mapper

__all__ = ["ClusterError", "open_mapper"]
