//! `settle FILE` (`-` for stdin): settles a year of visits and prints the breakdown as JSON.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("{}", policy_engine::cli::usage());
        return ExitCode::from(2);
    };
    if arg == "--help" || arg == "-h" {
        println!("{}", policy_engine::cli::usage());
        return ExitCode::SUCCESS;
    }
    let input = if arg == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(&arg)
    };
    let input = match input {
        Ok(s) => s,
        Err(e) => {
            eprintln!("读不到输入文件 {arg}：{e}");
            return ExitCode::from(2);
        }
    };
    match policy_engine::cli::run(&input) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}
