"""The protocol itself: malformed commands, unknown ops, an app that cannot load; no database needed."""

import json
import os
import unittest

from support import PYTHON_DIR, Adapter


class ProtocolTests(unittest.TestCase):
    def setUp(self):
        self.adapter = Adapter()
        self.addCleanup(self.adapter.close)

    def assertProtocolError(self, answer: dict, *words: str):
        self.assertFalse(answer["ok"], answer)
        self.assertEqual(answer["error"]["kind"], "protocol", answer)
        for word in words:
            self.assertIn(word, answer["error"]["message"])

    def test_hello_names_the_stack(self):
        answer = self.adapter.ok("hello")
        self.assertEqual(answer["protocol"], 1)
        self.assertTrue(answer["packages"]["flask"].startswith("3.1."))
        self.assertTrue(answer["packages"]["sqlalchemy"].startswith("2.0."))

    def test_a_line_that_is_not_json_is_a_protocol_error_and_the_adapter_keeps_serving(self):
        self.assertProtocolError(self.adapter.send_line("{not json"), "not JSON")
        self.assertProtocolError(self.adapter.send_line("[1, 2]"), "not a JSON object")
        self.assertTrue(self.adapter.ok("hello")["ok"])

    def test_an_unknown_op_is_named(self):
        self.assertProtocolError(self.adapter.send("launch"), "unknown op `launch`")

    def test_a_missing_or_mistyped_field_is_named(self):
        self.assertProtocolError(self.adapter.send("load", database_url="postgresql:///x"), "`app`")
        self.assertProtocolError(self.adapter.send("load", app=7, database_url="postgresql:///x"), "`app`", "string")
        self.assertProtocolError(self.adapter.send_line(json.dumps({"id": 1})), "`op`")

    def test_commands_on_an_app_need_one_loaded(self):
        self.assertProtocolError(self.adapter.send("dump"), "load")

    def test_an_app_that_raises_at_import_is_an_app_load_error_with_its_traceback(self):
        answer = self.adapter.send("load", app="tests/apps/broken", database_url="postgresql:///unused")
        self.assertFalse(answer["ok"], answer)
        self.assertEqual(answer["error"]["kind"], "app-load")
        self.assertIn("the broken app refuses to import", answer["error"]["message"])
        traceback = answer["error"]["traceback"]
        self.assertIn(os.path.join(PYTHON_DIR, "tests", "apps", "broken", "__init__.py"), traceback)
        self.assertIn("RuntimeError: the broken app refuses to import", traceback)
        self.assertTrue(self.adapter.ok("hello")["ok"])  # its print went to stderr, not into the protocol

    def test_quit_answers_and_exits(self):
        self.assertEqual(self.adapter.send("quit"), {"id": self.adapter.next_id, "ok": True})
        self.assertEqual(self.adapter.process.wait(10), 0)


if __name__ == "__main__":
    unittest.main()
