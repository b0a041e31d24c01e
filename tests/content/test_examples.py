"""`curriculum check-examples`: marked examples are found, run in a venv and compared."""

from __future__ import annotations

from pathlib import Path

from curriculum.catalog import CONTENT_ROOT
from curriculum.examples import collect, run_all

LESSON = """---
id: demo
examples:
  - name: hello
    files: {hello.py: 1}
    run: python hello.py
    expect: 2
  - name: wrong-output
    files: {hello.py: 1}
    run: python hello.py
    expect_lines: ["goodbye"]
  - name: cluster
    needs: [kubernetes]
    run: kubectl apply -f app.yaml
  - name: bad-mark
    files: {x.py: 9}
    run: python x.py
---
# Demo

```python
import sys
print("hello from", sys.prefix.rsplit("/", 1)[-1])
```

```text
hello from venv-
```
"""


def test_examples_run_in_a_venv_and_report_pass_fail_needs_and_bad_marks(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "lessons").mkdir(parents=True)
    (root / "lessons" / "demo.md").write_text(LESSON)
    examples, errors = collect(root)
    assert [e.label for e in examples] == ["demo/hello", "demo/wrong-output", "demo/cluster"]
    assert [(o.label, o.status) for o in errors] == [("demo/#4", "error")]
    assert "block 9 does not exist" in errors[0].detail
    work = tmp_path / "work"
    work.mkdir()
    outcomes = {o.label: o for o in run_all(examples, work)}
    assert outcomes["demo/hello"].status == "pass", outcomes["demo/hello"].detail
    assert outcomes["demo/wrong-output"].status == "fail"
    assert "missing output line: goodbye" in outcomes["demo/wrong-output"].detail
    assert (outcomes["demo/cluster"].status, outcomes["demo/cluster"].detail) == (
        "needs",
        "kubernetes",
    )


def test_every_shipped_mark_resolves_to_existing_blocks() -> None:
    examples, errors = collect(CONTENT_ROOT)
    assert not errors, errors
    assert {e.lesson for e in examples} >= {f"m{n:02d}" for n in range(1, 25)}
