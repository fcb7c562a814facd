"""The only importer of dask: code pipeline batches on a Dask cluster (#8).

`pipeline.run` reads, skips and stores in the calling process (one writer) and hands each batch
of documents to a `map`-like function; `open_mapper` gives it one that sends the batches to a
local cluster of worker processes or to an existing scheduler, or the builtin `map` when
neither is asked for (then dask is not even imported).
"""

from riftwatch.scale.cluster import ClusterError, open_mapper

__all__ = ["ClusterError", "open_mapper"]
