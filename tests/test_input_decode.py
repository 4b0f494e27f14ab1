from __future__ import annotations

import codecs

import pytest

from saywho.errors import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput
from saywho.input.decode import MAX_INPUT_BYTES, decode, repair_mojibake, sniff


def test_input_decode_utf8_and_bom():
    assert decode("Mr Antonov’s “view”".encode()) == "Mr Antonov’s “view”"
    assert decode(codecs.BOM_UTF8 + "café".encode()) == "café"
    assert decode(codecs.BOM_UTF16_LE + "café".encode("utf-16-le")) == "café"


def test_input_decode_cp1252_fallback():
    assert decode("It’s a “test” – café".encode("cp1252")) == "It’s a “test” – café"


def test_input_decode_repairs_mojibake():
    assert repair_mojibake("Russiaâ€™s top envoy") == "Russia’s top envoy"
    assert decode("Russiaâ€™s top envoy".encode()) == "Russia’s top envoy"


def test_input_decode_leaves_real_accents_alone():
    assert repair_mojibake("Â is a letter, São Paulo, Ãlvaro") == "Â is a letter, São Paulo, Ãlvaro"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"  \n\t ", EmptyInput),
        (bytes(range(256)) * 40, BinaryInput),
        (b"\x00" * 500 + b"text", BinaryInput),
    ],
)
def test_input_decode_rejects_with_clear_message(data, error):
    with pytest.raises(error) as info:
        decode(data, source="page.txt")
    message = str(info.value)
    assert message.startswith("page.txt: ") and "\n" not in message and "[SW1" in message


def test_input_decode_rejects_utf16_garbage_behind_bom():
    with pytest.raises(UndecodableInput):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", source="x")


def test_input_decode_rejects_huge_input():
    with pytest.raises(InputTooLarge):
        decode(b"a" * (MAX_INPUT_BYTES + 1), source="big.txt")


def test_input_decode_drops_stray_nul_bytes():
    assert decode(b"Hello\x00 world, this is text.") == "Hello world, this is text."


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\n  <html lang=en><head>", "html"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b'{"id": 1, "text": "x"}\n{"id": 2}', "jsonl"),
        ("Plain words. A <b>tag</b> later on.", "text"),
    ],
)
def test_input_decode_sniffs_kind(head, kind):
    assert sniff(head) == kind
