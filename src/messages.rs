//! The in-window notification area's content: messages that appear for a few seconds, or stay
//! until dismissed when they report an error.
//!
//! A message stores its Fluent id and arguments rather than text, so it is drawn in whatever
//! language is active in the frame that draws it.

/// How long a message that is not an error stays visible, in seconds.
pub const TRANSIENT_MESSAGE_SECS: f64 = 6.0;

/// What a message reports; decides its colour, its lifetime and whether it also goes to the OS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    /// Work in progress: shown in the window only.
    Progress,
    /// A small confirmation such as "Copied": shown in the window only.
    Info,
    /// Something finished successfully.
    Success,
    /// Something went partly wrong, but the app carried on (for example an ignored setting).
    Warning,
    /// Something failed; stays until dismissed.
    Error,
}

impl MessageKind {
    /// Returns whether the message is also sent as a desktop notification when that option is on.
    pub fn goes_to_desktop(self) -> bool {
        !matches!(self, Self::Progress | Self::Info)
    }

    /// Returns whether the message stays until the user dismisses it.
    pub fn is_sticky(self) -> bool {
        matches!(self, Self::Error)
    }
}

/// One message in the notification area.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Unique within the run, used to dismiss it.
    pub id: u64,
    pub kind: MessageKind,
    pub text_id: &'static str,
    pub args: Vec<(&'static str, String)>,

    /// `egui` input time when the message was shown, in seconds.
    pub shown_at: f64,
}

impl Message {
    /// Returns the arguments in the form [`crate::i18n::Localizer::tr_args`] takes.
    pub fn arg_refs(&self) -> Vec<(&str, &str)> {
        self.args
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect()
    }
}

/// The messages currently shown, oldest first.
#[derive(Debug, Default)]
pub struct MessageList {
    messages: Vec<Message>,
    next_id: u64,
}

impl MessageList {
    /// Adds a message unless an identical one is already shown, and returns it when added.
    pub fn push(
        &mut self,
        kind: MessageKind,
        text_id: &'static str,
        args: Vec<(&'static str, String)>,
        now: f64,
    ) -> Option<&Message> {
        let duplicate = self
            .messages
            .iter()
            .any(|shown| shown.kind == kind && shown.text_id == text_id && shown.args == args);
        if duplicate {
            return None;
        }
        self.next_id += 1;
        self.messages.push(Message {
            id: self.next_id,
            kind,
            text_id,
            args,
            shown_at: now,
        });
        self.messages.last()
    }

    pub fn dismiss(&mut self, id: u64) {
        self.messages.retain(|message| message.id != id);
    }

    /// Removes transient messages older than [`TRANSIENT_MESSAGE_SECS`] and returns the seconds
    /// until the next one expires, if any.
    pub fn expire(&mut self, now: f64) -> Option<f64> {
        self.messages.retain(|message| {
            message.kind.is_sticky() || now - message.shown_at < TRANSIENT_MESSAGE_SECS
        });
        self.messages
            .iter()
            .filter(|message| !message.kind.is_sticky())
            .map(|message| message.shown_at + TRANSIENT_MESSAGE_SECS - now)
            .reduce(f64::min)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Message> {
        self.messages.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_messages_expire_errors_stay() {
        let mut list = MessageList::default();
        list.push(MessageKind::Success, "a", vec![], 0.0);
        list.push(MessageKind::Error, "b", vec![], 0.0);
        assert_eq!(list.expire(1.0), Some(TRANSIENT_MESSAGE_SECS - 1.0));
        assert_eq!(list.expire(TRANSIENT_MESSAGE_SECS + 0.1), None);
        let ids: Vec<&str> = list.iter().map(|m| m.text_id).collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn identical_message_is_not_repeated() {
        let mut list = MessageList::default();
        assert!(
            list.push(MessageKind::Error, "a", vec![("x", "1".into())], 0.0)
                .is_some()
        );
        assert!(
            list.push(MessageKind::Error, "a", vec![("x", "1".into())], 1.0)
                .is_none()
        );
        assert!(
            list.push(MessageKind::Error, "a", vec![("x", "2".into())], 1.0)
                .is_some()
        );
        let first = list.iter().next().unwrap().id;
        list.dismiss(first);
        assert_eq!(list.iter().count(), 1);
    }
}
