"""Batch audit of claim extracts of any size: DuckDB on one machine (run.py), Spark beyond it (spark.py)."""
