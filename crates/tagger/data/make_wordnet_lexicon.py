#!/usr/bin/env python3
"""Writes wordnet_lexicon.txt (next to this script) from a WordNet 3.0
installation (Debian: `apt-get install wordnet-base`, /usr/share/wordnet).

Each line: lowercase single-word form, a tab, a hex bitmask:
1 noun, 2 verb, 4 adjective, 8 adverb (the form is a WordNet lemma);
16 irregular noun plural, 32 irregular verb form, 64 irregular adjective
comparison, 128 irregular adverb comparison (from the *.exc lists).
Regular inflections are derived at run time (see src/lexicon.rs).

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
(WordNet 3.0 licence: see MODEL_CARD.md.)
"""
import os
import re
import sys

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
ok = re.compile(r"^[a-z][a-z'.-]*$")
bits = {}
for name, b in [("noun", 1), ("verb", 2), ("adj", 4), ("adv", 8)]:
    with open(os.path.join(wn, "index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            w = line.split(" ", 1)[0]
            if ok.match(w):
                bits[w] = bits.get(w, 0) | b
for name, b in [("noun", 16), ("verb", 32), ("adj", 64), ("adv", 128)]:
    with open(os.path.join(wn, name + ".exc"), encoding="latin-1") as f:
        for line in f:
            w = line.split(" ", 1)[0]
            if ok.match(w):
                bits[w] = bits.get(w, 0) | b
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wordnet_lexicon.txt")
with open(out, "w") as f:
    f.write("# Derived from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University.\n")
    f.write("# All rights reserved. Licence: see MODEL_CARD.md. Made by make_wordnet_lexicon.py.\n")
    for w in sorted(bits):
        f.write("%s\t%x\n" % (w, bits[w]))
print(len(bits), "forms ->", out)
# Irregular forms with their lemmas: form, POS bit (1 noun, 2 verb, 4 adj,
# 8 adv), lemma; one line per pair.
exc = []
for name, b in [("noun", 1), ("verb", 2), ("adj", 4), ("adv", 8)]:
    with open(os.path.join(wn, name + ".exc"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and ok.match(parts[0]) and ok.match(parts[1]):
                exc.append((parts[0], b, parts[1]))
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wordnet_exc.txt")
with open(out, "w") as f:
    f.write("# Derived from WordNet 3.0 (*.exc). WordNet 3.0 Copyright 2006 by Princeton University.\n")
    f.write("# All rights reserved. Licence: see MODEL_CARD.md. Made by make_wordnet_lexicon.py.\n")
    for w, b, l in sorted(exc):
        f.write("%s\t%x\t%s\n" % (w, b, l))
print(len(exc), "irregular forms ->", out)
