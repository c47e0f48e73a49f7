import unittest

from main import greeting


class GreetingTest(unittest.TestCase):
    def test_greets(self):
        self.assertEqual(greeting("you"), "Hello, you!")


if __name__ == "__main__":
    unittest.main()
