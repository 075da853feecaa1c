//! The checker bundle's entry point (`/check/`, `/self-check/`, `/villages/`): mounts the app.

fn main() {
    zhengcetong::mount(zhengcetong::CheckerApp);
}
