//! The calculator bundle's entry point (`/calc/`): mounts the app.

fn main() {
    zhengcetong::mount(zhengcetong::CalcApp);
}
