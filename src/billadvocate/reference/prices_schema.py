"""The table a hospital's machine-readable standard-charges file becomes (one row per code, setting,
payer and plan), whatever its layout (CMS template v2/v3, CSV tall or wide, JSON)."""

import pyarrow as pa

PRICES_SCHEMA = pa.schema([
    ("description", pa.string()), ("code", pa.string()), ("code_type", pa.string()),
    ("care_setting", pa.string()), ("modifiers", pa.string()),
    ("gross", pa.float64()), ("discounted_cash", pa.float64()),
    ("payer_name", pa.string()), ("plan_name", pa.string()),
    ("negotiated_dollar", pa.float64()), ("negotiated_percentage", pa.float64()),
    ("minimum", pa.float64()), ("maximum", pa.float64()), ("methodology", pa.string()),
])
