"""Hospital names as people write them and as CMS lists them, brought to one spelling for matching.

CMS abbreviates freely ("MED CTR", "REG", "HLTH SYSTM", "ST JOSEPH'S"); patients write "St." or
"Saint", "Medical Center" or "Med Ctr", "&" or "and". Both sides are upper-cased, stripped of
punctuation and possessives, and each known abbreviation is written out in full.
"""

from __future__ import annotations

import re

# abbreviation -> the word it stands for (as found in CMS names and on bills)
WORDS = {
    "ST": "SAINT", "STE": "SAINTE", "SNT": "SAINT", "MT": "MOUNT", "FT": "FORT",
    "MED": "MEDICAL", "MEDL": "MEDICAL", "MC": "MEDICAL CENTER", "CTR": "CENTER", "CNTR": "CENTER",
    "CENTRE": "CENTER", "HOSP": "HOSPITAL", "HSP": "HOSPITAL", "HOSPS": "HOSPITALS",
    "REG": "REGIONAL", "REGL": "REGIONAL", "RGNL": "REGIONAL", "RGL": "REGIONAL",
    "MEM": "MEMORIAL", "MEML": "MEMORIAL", "MEMRL": "MEMORIAL",
    "HLTH": "HEALTH", "HLTHCARE": "HEALTHCARE", "HC": "HEALTHCARE", "SYS": "SYSTEM", "SYSTM": "SYSTEM",
    "SYST": "SYSTEM", "UNIV": "UNIVERSITY", "U": "UNIVERSITY", "GEN": "GENERAL", "GENL": "GENERAL",
    "CMNTY": "COMMUNITY", "COMM": "COMMUNITY", "CMTY": "COMMUNITY", "COMMUN": "COMMUNITY",
    "CO": "COUNTY", "CNTY": "COUNTY", "CTY": "COUNTY", "DIST": "DISTRICT", "DIS": "DISTRICT",
    "INST": "INSTITUTE", "REHAB": "REHABILITATION", "PSYCH": "PSYCHIATRIC", "CHLDRN": "CHILDRENS",
    "CHILDREN": "CHILDRENS", "CHILD": "CHILDRENS", "PEDS": "PEDIATRIC", "N": "NORTH", "S": "SOUTH",
    "E": "EAST", "W": "WEST", "NE": "NORTHEAST", "NW": "NORTHWEST", "SE": "SOUTHEAST", "SW": "SOUTHWEST",
    "CAMP": "CAMPUS", "INC": "", "LLC": "", "THE": "", "OF": "", "AT": "", "AND": "", "&": "",
    "CORP": "", "CORPORATION": "", "DBA": "", "LP": "", "LTD": "",
}


def normal_name(text: str | None) -> str:
    """Upper case, no punctuation or possessive 's, abbreviations written out, one space between words."""
    t = (text or "").upper().replace("&", " AND ")
    t = re.sub(r"['\u2019`]S\b", "S", t)  # ST. JOSEPH'S -> ST. JOSEPHS
    t = re.sub(r"[^A-Z0-9 ]+", " ", t)
    words = []
    for w in t.split():
        full = WORDS.get(w, w)
        if full:
            words.extend(full.split())
    return " ".join(words)


def normal_place(text: str | None) -> str:
    """A city for comparison: SAINT LOUIS and ST. LOUIS the same, no punctuation."""
    return normal_name(text)
