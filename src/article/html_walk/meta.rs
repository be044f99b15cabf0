//! The metadata the walker picks up on its way ([`super::HtmlMeta`]):
//! the `<title>`, the first `<h1>` and byline element (read even inside
//! skipped furniture), `<meta>` tags and `<time>`.

use super::{Capture, Tag, Walker};
use crate::article::html_vocab::is_void;
use crate::article::line::clean;

impl Walker<'_> {
    /// `<title>`: its text (read raw by the tokenizer) is the first title.
    pub(super) fn title_tag(&mut self, tag: &Tag<'_>) {
        if !tag.closing {
            self.title = Some(String::new());
        } else if let Some(text) = self.title.take() {
            let text = clean(&text);
            if !text.is_empty() && self.out.meta.title_tag.is_none() {
                self.out.meta.title_tag = Some(text);
            }
        }
    }

    /// Starts or ends capturing the text of the first `<h1>` and of a byline
    /// element, even inside skipped furniture.
    pub(super) fn track_capture(&mut self, tag: &Tag<'_>) {
        if tag.self_closing || is_void(tag.name) {
            return;
        }
        if let Some((_, name, depth)) = self.capture.as_mut() {
            if *name == tag.name {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        self.end_capture();
                    }
                } else {
                    *depth += 1;
                }
            }
            return;
        }
        if tag.closing {
            return;
        }
        if tag.name == "h1" && self.out.meta.h1.is_none() {
            self.capture = Some((Capture::H1, tag.name.to_string(), 1));
        } else if self.out.meta.byline_text.is_none()
            && ["class", "rel", "itemprop"].iter().any(|a| {
                tag.attr(a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("byline") || v == "author" || v.contains("author-name")
                })
            })
        {
            self.capture = Some((Capture::Byline, tag.name.to_string(), 1));
        }
    }

    pub(super) fn end_capture(&mut self) {
        if let Some((what, _, _)) = self.capture.take() {
            let text = clean(&self.capture_buf);
            self.capture_buf.clear();
            if text.is_empty() {
                return;
            }
            match what {
                Capture::H1 => self.out.meta.h1 = Some(text),
                Capture::Byline => self.out.meta.byline_text = Some(text),
            }
        }
    }

    /// Reads `<meta>` and `<time>` metadata.
    pub(super) fn note_meta(&mut self, tag: &Tag<'_>) {
        match tag.name {
            "meta" => {
                let key = tag
                    .attr("property")
                    .or_else(|| tag.attr("name"))
                    .or_else(|| tag.attr("itemprop"))
                    .map(|k| k.to_ascii_lowercase());
                let (Some(key), Some(content)) = (key, tag.attr("content")) else {
                    return;
                };
                let content = clean(&content);
                if content.is_empty() {
                    return;
                }
                let meta = &mut self.out.meta;
                match key.as_str() {
                    "og:title" | "twitter:title" if meta.og_title.is_none() => {
                        meta.og_title = Some(content)
                    }
                    "author" | "article:author" | "byl" | "dc.creator" | "parsely-author"
                        if meta.author.is_none() && !content.starts_with("http") =>
                    {
                        meta.author = Some(content)
                    }
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publish-date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "parsely-pub-date"
                    | "sailthru.date"
                    | "og:published_time"
                        if meta.published.is_none() =>
                    {
                        meta.published = Some(content)
                    }
                    _ => {}
                }
            }
            "time" if self.out.meta.time.is_none() => {
                if let Some(dt) = tag.attr("datetime") {
                    let dt = clean(&dt);
                    if !dt.is_empty() {
                        self.out.meta.time = Some(dt);
                    }
                }
            }
            _ => {}
        }
    }
}
