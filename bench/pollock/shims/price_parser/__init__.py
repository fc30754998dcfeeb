"""Stand-in for the PyPI package `price_parser` (not in Debian; PyPI is unreachable here).

Pollock's pollock/data_types.py calls only Price.fromstring(text) and reads .currency, .amount and
.amount_float, to normalise a cell that is neither a number, a time nor a date into
"<currency><amount as float>" when it holds both a currency and an amount (e.g. "$1,200.50" and
"$ 1200.5" both become "$1200.5"). This is an approximation of price-parser 0.3.4, not a port: the
currency is the first currency symbol or ISO 4217 code from a short list found in the text, the
amount the first number in it, with `,`/`.` read as in price-parser (the last of them followed by
one or two digits is the decimal separator, others are thousands separators). It only changes how
the clean and the loaded file's cells are normalised for the header and record F1 (both sides
alike); the cell F1 compares raw cells and does not use it.
"""
import re
from decimal import Decimal, InvalidOperation

_SYMBOLS = ["US$", "C$", "A$", "NZ$", "HK$", "R$", "$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₪",
            "₫", "₴", "₦", "฿", "₱", "zł", "Kč", "kr", "CHF", "Fr."]
_CODES = ["USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CAD", "AUD", "NZD", "CHF", "SEK",
          "NOK", "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "ZAR", "KRW", "TRY", "ILS", "HKD",
          "SGD", "THB", "PHP", "IDR", "MYR", "UAH", "NGN", "ARS", "CLP", "COP", "PEN", "EEK"]
_CODE_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_CODES) + r")(?![A-Za-z])")
_NUMBER_RE = re.compile(r"\d[\d.,\s]*")


def _currency(text):
    m = _CODE_RE.search(text)
    best = (m.start(), m.group(1)) if m else None
    for s in _SYMBOLS:
        i = text.find(s)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, s)
    return best[1] if best else None


def _amount(text):
    m = _NUMBER_RE.search(text)
    if not m:
        return None
    num = re.sub(r"\s", "", m.group(0)).rstrip(".,")
    dec = re.search(r"[.,](\d{1,2})$", num)
    if dec:
        whole = re.sub(r"[.,]", "", num[: dec.start()])
        num = whole + "." + dec.group(1)
    else:
        num = re.sub(r"[.,]", "", num)
    try:
        return Decimal(num)
    except InvalidOperation:
        return None


class Price:
    def __init__(self, amount, currency, amount_text):
        self.amount = amount
        self.currency = currency
        self.amount_text = amount_text

    @property
    def amount_float(self):
        return float(self.amount) if self.amount is not None else None

    @classmethod
    def fromstring(cls, price, currency_hint=None, decimal_separator=None):
        text = price or ""
        amount = _amount(text)
        return cls(amount=amount, currency=_currency(text), amount_text=text)
