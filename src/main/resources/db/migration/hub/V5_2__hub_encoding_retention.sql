-- An encoding its site has not uploaded again within ishenim.hub.encoding-retention is deleted (HubEncodings.expire);
-- the hourly expiry finds them by this index. From V5_3 on, hub_encoding.clk holds a Tink AEAD ciphertext (base64)
-- bound to site_code and reference, never the encoding itself (see docs/hub.md, "Encodings at rest").
CREATE INDEX hub_encoding_updated_at ON hub_encoding (updated_at);
