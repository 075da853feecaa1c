//! The page templates in `templates/` (minijinja): one environment holding every template, built once,
//! whose HTML escaping is the site's one escaper (`policy_content::html::esc`), so a value reads the same
//! in a template as anywhere else the build writes it.

use std::sync::OnceLock;

use minijinja::{AutoEscape, Environment, Value};

use policy_content::html::esc;

/// `templates/<name>` for each name: the name (as `{% include %}` names it) and the text.
macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../templates/", $name)))),*]
    };
}

/// Every template.
const TEMPLATES: &[(&str, &str)] = templates![
    "page.html",
    "header.html",
    "footer.html",
    "page_tools.html",
    "save_offline.html",
    "home.html",
    "library.html",
    "doc.html",
    "about.html",
    "ambiguities.html",
    "interactive.html",
    "not_found.html",
    "calc.html",
    "self_check.html",
    "villages.html",
];

fn env() -> Result<&'static Environment<'static>, String> {
    static ENV: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_formatter(|out, state, value| match value.as_str() {
            Some(s) if state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
                out.write_str(&esc(s)).map_err(minijinja::Error::from)
            }
            _ => minijinja::escape_formatter(out, state, value),
        });
        for (name, src) in TEMPLATES {
            env.add_template(name, src)
                .map_err(|e| format!("templates/{name}: {e}"))?;
        }
        Ok(env)
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// Renders template `name` with `ctx`.
pub fn render(name: &str, ctx: Value) -> Result<String, String> {
    env()?
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| format!("templates/{name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values are escaped by the site's escaper (no `&#x2f;` for `/`), marked-safe values are not.
    #[test]
    fn escapes_as_the_site_does() {
        let html = env()
            .unwrap()
            .template_from_named_str("t.html", "<a href=\"{{ h }}\">{{ t }}</a>{{ s }}")
            .unwrap()
            .render(minijinja::context! {
                h => "/docs/a/#s1",
                t => "<'&\">",
                s => Value::from_safe_string("<b>".into()),
            })
            .unwrap();
        assert_eq!(
            html,
            "<a href=\"/docs/a/#s1\">&lt;&#39;&amp;&quot;&gt;</a><b>"
        );
    }

    /// A template file not in [`TEMPLATES`] would fail only when first rendered: every file is listed.
    #[test]
    fn every_template_file_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut listed: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
        listed.sort();
        assert_eq!(files, listed);
    }
}
