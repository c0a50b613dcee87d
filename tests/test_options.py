from newsweave.options import DEFAULT, HELP, undocumented


def test_every_option_is_documented() -> None:
    assert undocumented() == []
    assert all(HELP[name].strip() for name in HELP)


def test_default_size_limit_is_20_mb() -> None:
    assert DEFAULT.max_bytes == 20 * 1024 * 1024
