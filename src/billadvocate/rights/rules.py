"""Every conduct rule (discovered from rights/violations/), for the docs and the engine."""

from .violations import all_rules

__all__ = ["all_rules"]
