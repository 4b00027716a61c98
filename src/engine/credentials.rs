//! Client credentials of the shape authentik generates: letters and digits only.

const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// The length of the client IDs authentik generates.
pub const CLIENT_ID_LENGTH: usize = 40;
/// The length of the client secrets authentik generates.
pub const CLIENT_SECRET_LENGTH: usize = 128;

/// `length` letters and digits drawn from `fill`, a source of random bytes. Bytes that would
/// bias the draw are skipped, so every character is equally likely.
pub fn alphanumeric(length: usize, mut fill: impl FnMut(&mut [u8])) -> String {
    let mut out = String::with_capacity(length);
    let mut buffer = [0u8; 64];
    while out.len() < length {
        fill(&mut buffer);
        for &byte in &buffer {
            // 248 = 4 × 62: bytes below it map evenly onto the alphabet.
            if byte < 248 && out.len() < length {
                out.push(ALPHABET[usize::from(byte % 62)] as char);
            }
        }
    }
    out
}

/// What the page shows for the client ID before the browser has generated one.
pub const CLIENT_ID_PLACEHOLDER: &str = "CLIENT-ID-GENERATED-IN-THE-BROWSER";
/// What the page shows for the client secret before the browser has generated one.
pub(crate) const CLIENT_SECRET_PLACEHOLDER: &str = "CLIENT-SECRET-GENERATED-IN-THE-BROWSER";

/// `inputs` with marked placeholders for the credentials: for HTML that every visitor shares,
/// which must never carry a credential.
pub fn placeholders(inputs: &crate::engine::inputs::Inputs) -> crate::engine::inputs::Inputs {
    crate::engine::inputs::Inputs {
        client_id: CLIENT_ID_PLACEHOLDER.to_string(),
        client_secret: CLIENT_SECRET_PLACEHOLDER.to_string(),
        ..inputs.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::alphanumeric;

    /// A source that hands out the given bytes in turn, again and again.
    fn cycling(bytes: &[u8]) -> impl FnMut(&mut [u8]) + '_ {
        let mut next = 0;
        move |buffer: &mut [u8]| {
            for slot in buffer {
                *slot = bytes[next % bytes.len()];
                next += 1;
            }
        }
    }

    #[test]
    fn draws_exactly_the_length_asked_from_the_alphabet() {
        let all: Vec<u8> = (0..=255).collect();
        for length in [0, 1, 40, 63, 64, 65, 128] {
            let drawn = alphanumeric(length, cycling(&all));
            assert_eq!(drawn.len(), length);
            assert!(drawn.bytes().all(|b| b.is_ascii_alphanumeric()), "{drawn}");
        }
    }

    #[test]
    fn bytes_that_would_bias_the_draw_are_skipped() {
        // 0 → A, 61 → 9, 62 → A again, 247 (the last even byte) → 9; 248 and above are skipped.
        assert_eq!(alphanumeric(4, cycling(&[0, 61, 248, 255, 62, 247])), "A9A9");
        assert_eq!(alphanumeric(3, cycling(&[250, 251, 26])), "aaa");
    }
}
