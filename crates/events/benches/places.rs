//! Gazetteer load time: parsing the compiled-in data (done once per process
//! by `Gazetteer::builtin()`), and parsing plus the name index (built on the
//! first lookup).

use criterion::{criterion_group, criterion_main, Criterion};
use khaldun_events::places::Gazetteer;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("places");
    g.sample_size(20);
    g.bench_function("gazetteer_parse", |b| {
        b.iter(|| {
            let gz = Gazetteer::load();
            assert!(gz.places().len() > 30_000);
            gz.places().len()
        })
    });
    g.bench_function("gazetteer_parse_and_index", |b| {
        b.iter(|| {
            let gz = Gazetteer::load();
            let keys = gz.build_index();
            assert!(keys > 90_000, "{keys}");
            keys
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
