package de.buergerkonto.eidadapter.metadata;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerkonto.eidadapter.config.PublicUrls;

/** Publishes {@link ServiceProviderMetadata} as {@code application/samlmetadata+xml} (SAML metadata 4.1.1). */
@RestController
class MetadataController {

    static final MediaType SAML_METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

    private final ServiceProviderMetadata metadata;

    MetadataController(ServiceProviderMetadata metadata) {
        this.metadata = metadata;
    }

    @GetMapping(PublicUrls.METADATA_PATH)
    ResponseEntity<byte[]> metadata() {
        return ResponseEntity.ok().contentType(SAML_METADATA).body(metadata.xml());
    }
}
