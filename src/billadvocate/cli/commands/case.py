"""`billadvocate case ...`: the case store's commands (defined in cli/case/)."""

from ..case import case

COMMANDS = ["case"]
