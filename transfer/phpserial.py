"""Reading the PHP-serialized values WordPress keeps in post meta (`_wp_attachment_metadata`).

Only plain data is read: null, booleans, numbers, strings and arrays. Objects and
references are refused, as is anything malformed: the caller treats the value as absent.
String lengths are counted in bytes, as PHP counts them, so the text is parsed as UTF-8
bytes and each string decoded on its own.
"""

import re

# Arrays inside arrays; WordPress metadata is three deep (sizes → medium → file).
MAX_DEPTH = 32
NUMBER = re.compile(rb"-?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|INF|NAN)")


class PHPSerialError(ValueError):
    pass


def php_unserialize(text: str) -> object:
    """The value of one serialized PHP value: None, bool, int, float, str, or a dict
    (PHP arrays, keys int or str, in their order)."""
    data = text.encode()
    value, end = _value(data, 0, 0)
    if end != len(data):
        raise PHPSerialError(f"unexpected data after the value at byte {end}")
    return value


def _expect(data: bytes, position: int, token: bytes) -> int:
    if data[position : position + len(token)] != token:
        raise PHPSerialError(f"expected {token!r} at byte {position}")
    return position + len(token)


def _until(data: bytes, position: int, stop: bytes) -> tuple[bytes, int]:
    end = data.find(stop, position)
    if end < 0:
        raise PHPSerialError(f"unterminated value at byte {position}")
    return data[position:end], end + len(stop)


def _integer(raw: bytes, position: int) -> int:
    if not re.fullmatch(rb"-?\d+", raw):
        raise PHPSerialError(f"not an integer at byte {position}")
    return int(raw)


def _value(data: bytes, position: int, depth: int) -> tuple[object, int]:
    if depth > MAX_DEPTH:
        raise PHPSerialError("arrays nested too deep")
    kind = data[position : position + 2]
    if kind == b"N;":
        return None, position + 2
    if kind == b"b:":
        raw, end = _until(data, position + 2, b";")
        if raw not in (b"0", b"1"):
            raise PHPSerialError(f"not a boolean at byte {position}")
        return raw == b"1", end
    if kind == b"i:":
        raw, end = _until(data, position + 2, b";")
        return _integer(raw, position), end
    if kind == b"d:":
        raw, end = _until(data, position + 2, b";")
        if not NUMBER.fullmatch(raw):
            raise PHPSerialError(f"not a number at byte {position}")
        return float(raw.replace(b"INF", b"inf").replace(b"NAN", b"nan")), end
    if kind == b"s:":
        raw, start = _until(data, position + 2, b":")
        length = _integer(raw, position)
        start = _expect(data, start, b'"')
        end = start + length
        if length < 0 or end > len(data):
            raise PHPSerialError(f"string longer than the data at byte {position}")
        text = data[start:end].decode("utf-8", "replace")
        return text, _expect(data, end, b'";')
    if kind == b"a:":
        raw, start = _until(data, position + 2, b":")
        count = _integer(raw, position)
        position = _expect(data, start, b"{")
        array: dict[int | str, object] = {}
        for _ in range(count):
            key, position = _value(data, position, depth + 1)
            if not isinstance(key, int | str) or isinstance(key, bool):
                raise PHPSerialError(f"an array key must be a number or a string (byte {position})")
            array[key], position = _value(data, position, depth + 1)
        return array, _expect(data, position, b"}")
    # O: (objects), C: (custom), r:/R: (references): never plain data in image meta.
    raise PHPSerialError(f"unsupported value {kind!r} at byte {position}")
