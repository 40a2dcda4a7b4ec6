"""Units of figures, normalised: currency codes (ISO 4217, plus GBX for pence as exchanges quote them, and "cent"
when the currency of a cent is not said), units of measure by their SI / customary name ("kilometre", "pound-mass",
"celsius"), SI prefixes and glued abbreviations ("5GHz", "2TB", "100Mbps", "2.0L"), and rates ("per share",
"a day", "/h")."""

from __future__ import annotations

import re

__all__ = [
    "CURRENCY_SYMBOLS",
    "CURRENCY_PREFIX",
    "CURRENCY_CODES",
    "currency_of_prefix",
    "currency_after",
    "measure_after",
    "rate_after",
    "unit_family",
]

#: Symbols and prefixed symbols written before the number.
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "U.S.$": "USD", "USD$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
                    "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "C$": "CAD", "CA$": "CAD", "CAD$": "CAD", "NZ$": "NZD",
                    "NZD$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "MEX$": "MXN", "MXN$": "MXN", "₹": "INR",
                    "₩": "KRW", "₽": "RUB", "₺": "TRY", "₿": "BTC", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND",
                    "₴": "UAH", "₭": "LAK", "₡": "CRC", "₾": "GEL", "元": "CNY", "RS": "INR", "RS.": "INR",
                    "RM": "MYR", "RP": "IDR", "USD": "USD", "EUR": "EUR", "GBP": "GBP"}
#: ISO 4217 codes read before or after a number ("USD 35", "240USD", "25 rmb"); RMB is the common name of CNY.
CURRENCY_CODES = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "AUD": "AUD",
                  "CAD": "CAD", "NZD": "NZD", "HKD": "HKD", "SGD": "SGD", "INR": "INR", "MXN": "MXN", "CHF": "CHF",
                  "ZAR": "ZAR", "BRL": "BRL", "RUB": "RUB", "KRW": "KRW", "TRY": "TRY", "SEK": "SEK", "NOK": "NOK",
                  "DKK": "DKK", "PLN": "PLN", "MYR": "MYR", "IDR": "IDR", "NGN": "NGN", "KES": "KES", "PKR": "PKR",
                  "BTC": "BTC", "AED": "AED", "SAR": "SAR", "EGP": "EGP", "ILS": "ILS", "PHP": "PHP", "THB": "THB"}
_CODES = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))
# Codes that are no English word, read in lower case too ("45 usd", "rmb 25"); the others only in capitals
# ("TRY", "CAD", "PHP" are words in lower case).
_SAFE_LOWER = "usd|eur|gbp|rmb|cny|aud|jpy|inr|mxn|nzd|hkd|chf|btc|sgd|zar|brl|myr"
_CODE_ANY = rf"(?:(?-i:{_CODES})|{_SAFE_LOWER})"
_SYMBOLS = "|".join(re.escape(s) for s in sorted((s for s in CURRENCY_SYMBOLS if not s.isalpha()), key=len, reverse=True))
#: A currency written before the number: a symbol ("$", "A$", "US $"), an ISO code ("USD 35", "rmb 25"), a code
#: with an M (million) or k (thousand) prefix ("MEUR 40"), "Rs", "RM".
CURRENCY_PREFIX = (rf"(?:(?:(?:us|u\.s\.?|hk|nz|usd|aud|cad|nzd|hkd|mxn|mex)\s?\$|{_SYMBOLS})\s?(?=[\d.])"
                   rf"|(?-i:[Mk])(?:{_CODES})\b\s?|{_CODE_ANY}(?:\b|(?=\d))\s?|(?-i:Rs\.?|RM|Rp)\s?)")


def currency_of_prefix(surface: str) -> tuple[str, float]:
    """(code, multiplier) of a currency prefix ("US $" -> USD, 1; "MAUD" -> AUD, 1e6)."""
    s = re.sub(r"\s+", "", surface).upper()
    if s in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[s], 1.0
    if s in CURRENCY_CODES:
        return CURRENCY_CODES[s], 1.0
    if s[:1] in ("M", "K") and s[1:] in CURRENCY_CODES and surface.strip()[:1] in ("M", "k"):
        return CURRENCY_CODES[s[1:]], 1e6 if s[0] == "M" else 1e3
    if s.endswith("$"):
        pre = s[:-1].rstrip(".")
        return {"US": "USD", "U.S": "USD", "USD": "USD", "HK": "HKD", "HKD": "HKD", "NZ": "NZD", "NZD": "NZD",
                "AUD": "AUD", "CAD": "CAD", "MXN": "MXN", "MEX": "MXN"}.get(pre, "USD"), 1.0
    return s, 1.0


# Currency names after a number. Adjectives select the dollar ("australian dollars"), the franc, the peso.
_DOLLAR_ADJ = {"us": "USD", "u.s.": "USD", "u.s": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
               "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "zimbabwean": "ZWL",
               "namibian": "NAD", "jamaican": "JMD"}
_NAMED = {"euro": "EUR", "euros": "EUR", "pound sterling": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
          "pence": "GBX", "penny": "GBX", "pennies": "GBX", "p": "GBX", "cent": "cent", "cents": "cent",
          "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "kuai": "CNY", "rupee": "INR", "rupees": "INR",
          "peso": "MXN", "pesos": "MXN", "mexican peso": "MXN", "mexican pesos": "MXN", "franc": "CHF", "francs": "CHF",
          "swiss franc": "CHF", "swiss francs": "CHF", "french francs": "FRF", "lira": "TRY", "liras": "TRY",
          "turkish lira": "TRY", "ringgit": "MYR", "rand": "ZAR", "won": "KRW", "rouble": "RUB", "roubles": "RUB",
          "ruble": "RUB", "rubles": "RUB", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK",
          "naira": "NGN", "shilling": "KES", "shillings": "KES", "dirham": "AED", "dirhams": "AED", "riyal": "SAR",
          "riyals": "SAR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN", "bitcoin": "BTC", "bitcoins": "BTC",
          "satoshi": "satoshi", "satoshis": "satoshi", "guilders": "NLG", "guilder": "NLG", "dutch guilders": "NLG",
          "marks": "DEM", "deutsche marks": "DEM", "pesetas": "ESP", "peseta": "ESP", "markkaa": "FIM",
          "sen": "sen"}
_NAMED_RE = "|".join(re.escape(n) for n in sorted(_NAMED, key=len, reverse=True))
_ADJ_RE = "|".join(re.escape(a) for a in sorted(_DOLLAR_ADJ, key=len, reverse=True))
_CURRENCY_AFTER = re.compile(
    rf"^(?P<sep>\s?-?)(?:(?P<adj>{_ADJ_RE})\s+)?(?P<dollar>dollars?)\b(?!\s+(?:bills?|notes?|coins?|stores?|signs?)\b)"
    rf"|^(?P<sep2>\s?-?)(?P<named>{_NAMED_RE})\b"
    rf"|^(?P<sep3>\s?)(?P<mcode>(?-i:[Mk])(?:{_CODES}))\b"
    rf"|^(?P<sep4>\s?)(?P<code>{_CODE_ANY})\b(?!\$)"
    r"|^(?P<sep5>\s?)(?P<sym>[$€£¥₹₩₽₺₿₦₱₪₫₴₭₡₾元])",
    re.IGNORECASE,
)
# "pounds" is money only next to money words; otherwise a weight.
_POUNDS_AFTER = re.compile(r"^\s?pounds?\b(?!\s+sterling)", re.IGNORECASE)
_MONEY_WORDS = re.compile(r"\b(?:paid|pay|pays|paying|earn\w*|cost\w*|spen[dt]\w*|fined?|fines|worth|price\w*|"
                          r"salar\w+|wages?|budget\w*|fund\w*|bill|fee\w*|charg\w+|tax\w*|profit\w*|loss\w*|revenue\w*|"
                          r"sales?|sold|buy|bought|raised?|debt\w*|loan\w*|award\w*|compensation|bonus\w*|deal|million|"
                          r"billion|income|turnover|valued?|bid|offer\w*)\b", re.IGNORECASE)


def currency_after(after: str, before: str = "", *, glued_ok: bool = True) -> tuple[str, int, float] | None:
    """(code, characters used, multiplier) of a currency written after a number ("3 dollars", "25 rmb", "12 MUSD",
    "80p", "200 million pounds" in a money context), or None."""
    m = _CURRENCY_AFTER.match(after)
    if m:
        sep = m.group("sep") or m.group("sep2") or m.group("sep3") or m.group("sep4") or m.group("sep5") or ""
        if m.group("sym"):
            return CURRENCY_SYMBOLS[m.group("sym")], m.end(), 1.0
        if not sep and not glued_ok:
            return None
        if m.group("dollar"):
            adj = (m.group("adj") or "").lower()
            return _DOLLAR_ADJ.get(adj, "USD"), m.end(), 1.0
        if m.group("named"):
            name = m.group("named").lower()
            if name == "p" and (sep or re.match(r"^p\.?\s*m\b", after, re.I)):
                return None  # "80p" only glued, and not "3 pm"
            if name in ("won", "rand", "marks", "sen", "penny", "sterling") and not (
                    _MONEY_WORDS.search(before[-80:]) or re.search(r"\b(?:close|closed|down|up|at)\s*$", before)):
                return None  # "won" is a verb, "marks" a noun, "sen" a title
            return _NAMED[name], m.end(), 1.0
        if m.group("mcode"):
            code = m.group("mcode")
            return CURRENCY_CODES[code[1:].upper()], m.end(), 1e6 if code[0] == "M" else 1e3
        if m.group("code"):
            return CURRENCY_CODES[m.group("code").upper()], m.end(), 1.0
    m = _POUNDS_AFTER.match(after)
    if m and (_MONEY_WORDS.search(before[-80:]) or _MONEY_WORDS.search(after[m.end():m.end() + 40])):
        if not re.search(r"\b(?:weigh\w*|lose|lost|losing|heavy|heavier|gain\w*|drop)\b", before[-40:], re.I):
            return "GBP", m.end(), 1.0
    return None


# ---------------------------------------------------------------- units of measure

# (pattern, canonical name, case-sensitive). Long forms are matched in any case, plural or not; symbols exactly.
_PREFIXES = {"kilo": "kilo", "centi": "centi", "milli": "milli", "micro": "micro", "nano": "nano", "deci": "deci",
             "pico": "pico", "mega": "mega", "giga": "giga", "tera": "tera"}
_LONG = [
    (r"square\s+(?:kilomet(?:re|er)s?|km)", "square kilometre"), (r"square\s+met(?:re|er)s?", "square metre"),
    (r"square\s+miles?", "square mile"), (r"square\s+(?:feet|foot)", "square foot"), (r"sq\.?\s*ft\.?", "square foot"),
    (r"sq\.?\s*m\b", "square metre"), (r"sq\.?\s*km\b", "square kilometre"), (r"sq\.?\s*mi(?:les?)?\b", "square mile"),
    (r"cubic\s+met(?:re|er)s?", "cubic metre"), (r"cubic\s+(?:feet|foot)", "cubic foot"),
    (r"(?:kilo|centi|milli|micro|nano|deci|pico)?(?:met(?:re|er)|metres|meters)s?", "metre"),
    (r"(?:kilo|centi|milli|micro|nano|deci)?(?:gram(?:me)?)s?", "gram"),
    (r"(?:kilo|centi|milli|deci)?(?:lit(?:re|er))s?", "litre"),
    (r"(?:kilo|mega|giga|tera)?(?:watt)s?(?:[\s-]hours?)?", "watt"),
    (r"(?:kilo|mega|giga|tera)?(?:hertz)", "hertz"), (r"(?:kilo|mega|giga|tera)?(?:bytes?)", "byte"),
    (r"(?:kilo|mega|giga|tera)?(?:bits?)(?:\s+per\s+second)?", "bit"),
    (r"miles?", "mile"), (r"nautical\s+miles?", "nautical mile"), (r"yards?", "yard"), (r"feet|foot", "foot"),
    (r"inch(?:es)?", "inch"), (r"tonnes?|metric\s+tons?", "metric ton"), (r"tons?", "ton"),
    (r"pounds?", "pound-mass"), (r"ounces?", "ounce"), (r"stones?", "stone"), (r"gallons?", "gallon"),
    (r"barrels?", "barrel"), (r"pints?", "pint"), (r"quarts?", "quart"), (r"cups?", "cup"),
    (r"tablespoons?|tbsp", "tablespoon"), (r"teaspoons?|tsp", "teaspoon"), (r"acres?", "acre"),
    (r"hectares?", "hectare"), (r"knots?", "knot"), (r"volts?", "volt"), (r"amps?|amperes?", "ampere"),
    (r"(?:kilo)?calories?", "calorie"), (r"decibels?", "decibel"), (r"radians?", "radian"),
    (r"light[\s-]years?", "light year"), (r"drams?|drachmas?", "dram"), (r"turns?", "turn"),
    (r"horsepower", "horsepower"),
]
_SYMBOL = {
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "dm": "decimetre", "nm": "nanometre",
    "μm": "micrometre", "µm": "micrometre", "kg": "kilogram", "g": "gram", "mg": "milligram", "μg": "microgram",
    "µg": "microgram", "mcg": "microgram", "t": "metric ton", "lb": "pound-mass", "lbs": "pound-mass",
    "oz": "ounce", "l": "litre", "L": "litre", "ml": "millilitre", "mL": "millilitre", "cl": "centilitre",
    "gal": "gallon", "ha": "hectare", "mph": "mile per hour", "kph": "kilometre per hour",
    "kmph": "kilometre per hour", "km/h": "kilometre per hour", "km/hr": "kilometre per hour",
    "kmh": "kilometre per hour", "W": "watt", "kW": "kilowatt", "KW": "kilowatt", "MW": "megawatt",
    "GW": "gigawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour", "V": "volt",
    "kV": "kilovolt", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "KB": "kilobyte",
    "kB": "kilobyte", "MB": "megabyte", "mb": "megabit", "GB": "gigabyte", "gb": "gigabit", "TB": "terabyte",
    "tb": "terabit", "PB": "petabyte", "Mb": "megabit", "Gb": "gigabit", "kbps": "kilobit per second",
    "Kbps": "kilobit per second", "Mbps": "megabit per second", "mbps": "megabit per second",
    "Gbps": "gigabit per second", "gbps": "gigabit per second", "°C": "celsius", "°F": "fahrenheit",
    "ºC": "celsius", "ºF": "fahrenheit", "°": "degree", "º": "degree", "ft": "foot", "yd": "yard", "mi": "mile",
    "m2": "square metre", "m²": "square metre", "km2": "square kilometre", "km²": "square kilometre",
    "m3": "cubic metre", "m³": "cubic metre", "rad": "radian", "kcal": "kilocalorie", "cal": "calorie",
    "dB": "decibel", "bbl": "barrel", "mAh": "milliampere hour", "hp": "horsepower", "cc": "cubic centimetre",
    "sqm": "square metre", "ac": "acre",
}
# Symbols that are ordinary words when separated from the number by a space ("5 in", "2 t", "3 l").
_GLUED_ONLY = {"l", "ha", "cal", "rad", "mi", "ac", "cc", "hp", "in", "cl"}
_SYMBOL_RE = re.compile(r"^(?P<sep>\s?-?\s?)(?P<sym>" + "|".join(re.escape(s) for s in sorted(_SYMBOL, key=len, reverse=True))
                        + r")(?![\w²³/])")
_SYMBOL_SLASH_RE = re.compile(r"^(?P<sep>\s?)(?P<sym>km/h|km/hr|km/ms|m/s|cm/ms|m/ms|km/s)\b")
_LONG_RE = re.compile(r"^(?P<sep>\s?-?\s?)(?P<word>" + "|".join(f"(?:{p})" for p, _ in _LONG) + r")\b", re.IGNORECASE)
_TEMP_RE = re.compile(
    r"^(?P<sep>\s?-?\s?)(?:°|º|deg(?:rees?)?\.?|degs?)?\s*(?P<scale>celsius|centigrade|centigrate|celcius|c\b|"
    r"fahrenheit|farenheit|f\b|kelvin|k\b)(?![\w])|^(?P<sep2>\s?-?\s?)(?P<deg>degrees?|deg\.?(?=\s|$)|°|º)",
    re.IGNORECASE)


def _prefixed(word: str, base: str) -> str:
    w = word.lower()
    for p, name in _PREFIXES.items():
        if w.startswith(p):
            return name + base
    return base


def _long_name(word: str) -> str:
    w = re.sub(r"\s+", " ", word.lower())
    for pattern, name in _LONG:
        if re.fullmatch(pattern, w, re.IGNORECASE):
            if name in ("metre", "gram", "litre", "watt", "hertz", "byte", "bit"):
                base = _prefixed(w, name)
                if name == "watt" and "hour" in w:
                    base += " hour"
                if name == "bit" and "second" in w:
                    base += " per second"
                return base
            return name
    return w


def measure_after(after: str, before: str = "") -> tuple[str, int] | None:
    """(unit name, characters used) of a unit of measure right after a number ("5 km", "2TB", "104 degrees
    Fahrenheit", "12.5 microgrammes"), or None."""
    m = _TEMP_RE.match(after)
    if m:
        if m.group("scale"):
            s = m.group("scale").lower()
            deg = re.search(r"°|º|deg", m.group(0), re.I)
            glued_temp = m.group("scale") in ("C", "F") and not m.group("sep") and re.match(
                r"\s*(?:[(),.;:!?]|$|\s+(?:on|in|at|and|or|with|by|to|from|for|as|this|last|yesterday|today|tomorrow)\b)",
                after[m.end():])
            if len(s) == 1 and not deg and not glued_temp:
                pass  # a bare "5 c" or "3 f" is not a temperature; a glued capital is ("40C", "104F")
            else:
                name = {"c": "celsius", "f": "fahrenheit", "k": "kelvin", "centigrade": "celsius",
                        "centigrate": "celsius", "celcius": "celsius", "farenheit": "fahrenheit"}.get(s, s)
                return name, m.end()
        else:
            return "degree", m.end()
    m = _SYMBOL_SLASH_RE.match(after)
    if m:
        sym = m.group("sym")
        name = {"km/h": "kilometre per hour", "km/hr": "kilometre per hour", "m/s": "metre per second",
                "km/s": "kilometre per second", "km/ms": "kilometre per millisecond", "m/ms": "metre per millisecond",
                "cm/ms": "centimetre per millisecond"}[sym]
        return name, m.end()
    m = _LONG_RE.match(after)
    if m and not (m.group("word").lower() in ("turn", "turns", "cup", "cups", "stone", "stones") and not before.strip()):
        word = m.group("word")
        if word.lower() in ("pound", "pounds") and currency_after(after, before):
            return None
        return _long_name(word), m.end()
    m = re.match(r"^\s?[(\[{<]\s?(?P<sym>[A-Za-zµμ°/²³]+)\s?[)\]}>]", after)
    if m and m.group("sym") in _SYMBOL:  # "35 (kg)", "35 [kg]"
        return _SYMBOL[m.group("sym")], m.end()
    m = re.match(r'^(?:"|″|”|-inch\b)(?=\s+(?:long|wide|tall|high|deep|thick|across|screen|display|monitor|tv)\b)', after)
    if m:  # 15" wide
        return "inch", m.end()
    m = _SYMBOL_RE.match(after)
    if m:
        sym, sep = m.group("sym"), m.group("sep")
        if sym in _GLUED_ONLY and sep:
            return None
        if sym == "in" or (sym in ("ac",) and sep):
            return None
        return _SYMBOL[sym], m.end()
    return None


_RATE_RE = re.compile(
    r"^(?:(?:\s*-\s*|\s+)(?:per|an?|each|every)(?:\s*-\s*|\s+)|\s*/\s*)(?P<per>share|dozen|day|week|month|year|annum|hour|hr|h|"
    r"minute|min|second|sec|s|ms|millisecond|person|head|capita|barrel|gallon|litre|liter|kilogram|kg|pound|lb|ton|"
    r"tonne|unit|gram|gramme|kilometre|kilometer|km|mile|night|game|ounce|oz)\b",
    re.IGNORECASE)
_RATE_NAMES = {"annum": "year", "hr": "hour", "h": "hour", "min": "minute", "sec": "second", "s": "second",
               "ms": "millisecond", "capita": "person", "head": "person", "liter": "litre", "kg": "kilogram",
               "lb": "pound", "tonne": "metric ton", "gramme": "gram", "kilometer": "kilometre", "km": "kilometre",
               "oz": "ounce"}


def rate_after(after: str) -> tuple[str, int] | None:
    """("share", characters used) for a rate after a unit ("a share", "per day", "/h", "a year"), or None."""
    m = _RATE_RE.match(after)
    if not m:
        return None
    if "/" not in m.group(0) and m.group("per").lower() in ("h", "s", "ms", "hr", "min", "sec"):
        return None
    per = m.group("per").lower()
    return _RATE_NAMES.get(per, per), m.end()


def unit_family(kind: str, unit: str) -> str:
    """The unit two figures must share to be compared: proportions and percentages are one family ("share")."""
    if kind in ("percent", "proportion") and unit in ("%", "", "proportion"):
        return "share"
    return unit or ""
