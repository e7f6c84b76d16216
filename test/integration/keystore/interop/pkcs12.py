"""Python `cryptography` (Debian python3-cryptography 38) as a writer and a reader of PKCS#12 files
for the keystore interop tests. The password is in the environment variable P12_PASSWORD.

  pkcs12.py write VARIANT OUT.p12 NAME KEY.pem CERT.pem [CA.pem...]
      VARIANT: best-available (PBES2 AES-256 and HMAC-SHA256 in v38) | 3des-sha1
  pkcs12.py read FILE.p12
      prints what load_pkcs12 sees (key, certificate, additional certificates, friendly names) as JSON
  pkcs12.py view NAME KEY.pem CERT.pem [CA.pem...]
      prints the same JSON for the PEM files an `openssl pkcs12 -export -name NAME` was given
"""
import base64
import json
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import (BestAvailableEncryption, Encoding, NoEncryption,
                                                          PrivateFormat, load_pem_private_key, pkcs12)

password = os.environ["P12_PASSWORD"].encode("utf-8")


def encryption(variant):
    if variant == "best-available":
        return BestAvailableEncryption(password)
    if variant == "3des-sha1":
        # The layout of older software; few rounds: these files test the layout, not the protection.
        builder = PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2048)
        return builder.key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC).hmac_hash(hashes.SHA1()).build(password)
    raise SystemExit(f"unknown variant {variant}")


def read(path):
    with open(path, "rb") as file:
        return file.read()


def b64(data):
    return base64.b64encode(data).decode("ascii")


def certificate(entry, friendly_name):
    name = friendly_name.decode("utf-8") if friendly_name is not None else None
    return {"der": b64(entry.public_bytes(Encoding.DER)), "friendlyName": name}


def view(key, cert, additional):
    """Order-free: a rewrite may order the bags differently without losing anything."""
    return {
        "key": b64(key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())) if key else None,
        "cert": cert,
        "additional": sorted(additional, key=lambda entry: (entry["der"], entry["friendlyName"] or "")),
    }


def main(command, *args):
    if command == "write":
        variant, out, name, key, cert, *cas = args
        data = pkcs12.serialize_key_and_certificates(
            name.encode("utf-8"),
            load_pem_private_key(read(key), None),
            x509.load_pem_x509_certificate(read(cert)),
            [x509.load_pem_x509_certificate(read(ca)) for ca in cas],
            encryption(variant),
        )
        with open(out, "wb") as file:
            file.write(data)
    elif command == "read":
        # None tries both encodings of an empty password (OpenSSL's PKCS12_parse).
        loaded = pkcs12.load_pkcs12(read(args[0]), password or None)
        cert = certificate(loaded.cert.certificate, loaded.cert.friendly_name) if loaded.cert else None
        print(json.dumps(view(loaded.key, cert, [certificate(ca.certificate, ca.friendly_name) for ca in loaded.additional_certs])))
    elif command == "view":
        name, key, cert, *cas = args
        print(json.dumps(view(
            load_pem_private_key(read(key), None),
            certificate(x509.load_pem_x509_certificate(read(cert)), name.encode("utf-8")),
            [certificate(x509.load_pem_x509_certificate(read(ca)), None) for ca in cas],
        )))
    else:
        raise SystemExit(__doc__)


main(*sys.argv[1:])
