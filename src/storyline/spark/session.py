"""A SparkSession set up for storyline: local mode by default, loopback only, small batches."""

from __future__ import annotations

import os
import sys
from typing import Any

from storyline.errors import EngineError

#: Arrow batches handed to a Python worker: articles are long texts, and one batch of 10,000
#: (Spark's default) is hundreds of MB in a worker. Measured here: 256 keeps a worker < 1 GB.
ARROW_BATCH = 256
#: Shuffle partitions in local mode: Spark's default of 200 makes 200 tiny tasks per stage.
LOCAL_SHUFFLE_PARTITIONS = 4


def spark_session(master: str | None = None, app: str = "storyline") -> Any:
    """The active session, or a new one on ``master`` (default ``local[*]``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("the Spark engine needs pyspark: pip install 'storyline[spark]'") from None
    master = master or "local[*]"
    local = master.startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Workers must run this interpreter (the one storyline and its model are installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH))
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false"))
    if local:
        builder = (builder.config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS))
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # Java missing, port refused, bad master URL: say so in one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        raise EngineError(f"cannot start Spark on {master}: {first} "
                          "(is Java 17+ installed and JAVA_HOME set?)") from None
    session.sparkContext.setLogLevel("ERROR")
    return session
