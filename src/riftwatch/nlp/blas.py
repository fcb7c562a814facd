"""Matrix products for the spaCy networks: numpy's BLAS, one thread per parsing thread (#8).

thinc multiplies through BLIS by default; on the 2-core AMD EPYC machine of issue #8 numpy's
OpenBLAS did the same float32 products about three times faster, which took a quarter off the
CPU time of the whole parse, and gave the same tags, arcs, lemmas and entities on 1,000
benchmark articles (tests/unit/nlp/test_model.py compares the stock pipeline on a sample).
OpenBLAS starts one thread per core for each product, which on these small matrices burns more
CPU than it saves (about 50 % more CPU time, no faster) and, with one parser process per core,
makes the processes fight over the cores; so parsing asks OpenBLAS for one thread, for the
calling thread only (`openblas_set_num_threads_local`, OpenBLAS 0.3.27 or later). Where numpy
is built on another BLAS, that request does nothing.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# thinc's backend for the model's layers: its NumpyOps, with products through numpy.
OPS_NAME = "numpy"
OPS_OPTIONS = {"use_blis": False}


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with one OpenBLAS thread on this thread (as many as before afterwards)."""
    set_threads = _local_thread_setter()
    if set_threads is None:
        yield
        return
    before = set_threads(1)
    try:
        yield
    finally:
        set_threads(before)


@lru_cache(maxsize=1)
def _local_thread_setter() -> Callable[[int], int] | None:
    """`openblas_set_num_threads_local` of the OpenBLAS numpy loaded, if it has one."""
    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("*openblas*")):
        try:
            function = ctypes.CDLL(str(path)).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        function.argtypes, function.restype = [ctypes.c_int], ctypes.c_int
        return function
    log.debug("numpy's BLAS has no openblas_set_num_threads_local: thread count left as is")
    return None
