//! Measures how long decoding the embedded model takes (what the first call
//! to `Parser::builtin()` pays).
//!
//! ```text
//! cargo run --release --example load_time -p khaldun-parser
//! ```

use khaldun_parser::Parser;

fn main() {
    let bytes = Parser::builtin().to_bytes();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let p = Parser::from_bytes(&bytes).expect("builtin model decodes");
        println!(
            "decoded {} bytes, {} features in {:.1} ms",
            bytes.len(),
            p.n_features(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
