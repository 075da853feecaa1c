//! 保存全部内容，离线使用: saves every page and file of the site on this phone on purpose (trainers going
//! where there is no signal), with its size before and its progress during; says when it is done.

use leptos::prelude::*;
use policy_content::site::{SAVE_OFFLINE, SAVE_OFFLINE_TEXT};

use crate::offline;

/// Where saving stands.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Saving {
    /// Asking the worker (or this browser cannot work offline).
    Unknown,
    /// Not saved; the whole site is this many bytes as served.
    Ready(f64),
    /// Saving: bytes (as served) done of total.
    Busy(f64, f64),
    /// Everything is saved.
    Saved,
    /// Saving stopped (the network went away): it can be started again and goes on where it stopped.
    Failed,
}

/// `1234567` bytes as `1.2 MB`, `456789` as `457 KB`. In whole numbers: Rust's float formatter would add
/// about 10 KB to the wasm for this one use (as for the charts' numbers, `charts::N`).
fn size(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    if bytes >= 1_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// The control: what saving does, a button with the size, and the progress or the outcome.
#[component]
pub fn SaveOffline() -> impl IntoView {
    let (state, set_state) = signal(Saving::Unknown);
    offline::on_message(move |data| {
        let next = match offline::text(&data, "type").as_str() {
            "status" if offline::flag(&data, "saved") => Saving::Saved,
            "status" => Saving::Ready(offline::number(&data, "bytes")),
            "save-progress" => Saving::Busy(
                offline::number(&data, "bytes"),
                offline::number(&data, "totalBytes"),
            ),
            "saved" => Saving::Saved,
            "save-failed" => Saving::Failed,
            _ => return,
        };
        let _ = set_state.try_set(next);
    });
    offline::post(offline::message("status"));
    let save = move |_| {
        set_state.set(Saving::Busy(0.0, 0.0));
        offline::post(offline::message("save-all"));
    };
    view! {
        <section class="save-offline no-print" id=SAVE_OFFLINE aria-labelledby="save-offline-title">
            <h2 id="save-offline-title">{SAVE_OFFLINE_TEXT.title}</h2>
            <p>{SAVE_OFFLINE_TEXT.lead}</p>
            {move || match state.get() {
                Saving::Unknown if offline::supported() => {
                    view! {
                        <button type="button" class="save-all" disabled=true>
                            {SAVE_OFFLINE_TEXT.preparing}
                        </button>
                    }
                        .into_any()
                }
                Saving::Unknown => {
                    view! { <p class="muted">{SAVE_OFFLINE_TEXT.unsupported}</p> }.into_any()
                }
                Saving::Ready(_) | Saving::Failed => {
                    let label = match state.get() {
                        Saving::Ready(b) => {
                            format!("保存全部内容，离线使用（约 {}）", size(b))
                        }
                        _ => "保存全部内容，离线使用".to_string(),
                    };
                    view! {
                        <button type="button" class="save-all" on:click=save>
                            {label}
                        </button>
                        {(state.get() == Saving::Failed)
                            .then(|| {
                                view! {
                                    <p role="alert">
                                        "保存没有完成，可能是网络断了。联网后再点一次，会接着保存。"
                                    </p>
                                }
                            })}
                        {offline::save_data()
                            .then(|| {
                                view! {
                                    <p class="muted">
                                        "您的浏览器开着“省流量”：本站不会在后台下载，只有点这个按钮才保存。"
                                    </p>
                                }
                            })}
                    }
                        .into_any()
                }
                Saving::Busy(bytes, total) => {
                    view! {
                        <button type="button" class="save-all" disabled=true>
                            "正在保存……"
                        </button>
                        <p role="status">
                            {if total > 0.0 {
                                format!(
                                    "已保存 {} / {}，请不要关闭这一页。",
                                    size(bytes),
                                    size(total),
                                )
                            } else {
                                "正在准备……".to_string()
                            }}
                        </p>
                    }
                        .into_any()
                }
                Saving::Saved => {
                    view! {
                        <p role="status" data-testid="saved-all">
                            "全部内容已存到本机，没有网络时也能打开。"
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_a_person_reads_them() {
        let table = [
            (1_234_567.0, "1.2 MB"),
            (1_000_000.0, "1.0 MB"),
            (1_960_000.0, "2.0 MB"),
            (12_345_678.0, "12.3 MB"),
            (999_999.0, "1000 KB"),
            (456_789.0, "457 KB"),
            (1.0, "1 KB"),
            (0.0, "0 KB"),
            (-5.0, "0 KB"),
        ];
        for (bytes, shown) in table {
            assert_eq!(super::size(bytes), shown, "{bytes}");
        }
    }
}
