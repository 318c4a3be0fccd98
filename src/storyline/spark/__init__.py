"""The Spark engine: ``storyline brief ... --engine spark [--master URL]``.

The same pure batch functions as the local engine, run through ``mapInPandas`` and
``applyInPandas``; imported lazily so that pyspark is only needed when the engine is used.
"""

from storyline.spark.engine import SparkBrief, run_spark

__all__ = ["SparkBrief", "run_spark"]
