//! Rendering the page bodies kept as templates in `templates/` (minijinja, which escapes every value):
//! one place that loads a template and names it in every error.

use minijinja::Environment;

/// Renders template `name` (`templates/<name>`, text `src`) with `ctx`.
pub fn render(name: &str, src: &str, ctx: minijinja::Value) -> Result<String, String> {
    let mut env = Environment::new();
    env.add_template(name, src)
        .map_err(|e| format!("templates/{name}: {e}"))?;
    env.get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| format!("templates/{name}: {e}"))
}
