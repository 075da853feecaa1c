//! Links the wasm bundles with their relocations kept (`--emit-relocs`): `wasm-split-cli` needs them to
//! cut each bundle into its main module and lazily loaded chunks (scripts/split-wasm.mjs). Native builds
//! (tests, tools) are linked as usual.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
