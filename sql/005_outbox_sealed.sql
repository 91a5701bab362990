-- Mail that carries a secret (a one-time link) is stored sealed (crypto_secretbox under the
-- application key): the database never holds the token in plaintext.
ALTER TABLE outbox ADD COLUMN body_sealed BLOB;
