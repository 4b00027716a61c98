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
