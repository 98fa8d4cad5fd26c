"""The demo edition: the 22nd China-ASEAN Expo, generated from a fixed seed."""
