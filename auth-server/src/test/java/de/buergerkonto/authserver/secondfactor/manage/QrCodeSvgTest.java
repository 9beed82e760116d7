package de.buergerkonto.authserver.secondfactor.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodeSvgTest {

    private static final String URI = "otpauth://totp/B%C3%BCrgerkonto:erika%40example.org"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=B%C3%BCrgerkonto&algorithm=SHA1&digits=6&period=30";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

    @Test
    void ofWhenScannedThenTheOtpauthUriComesBack() throws Exception {
        String svg = QrCodeSvg.of(URI);

        assertThat(scan(svg, 6)).isEqualTo(URI);
    }

    @Test
    void ofWhenRenderedThenNoStyleOrScriptAndHiddenFromScreenReaders() {
        String svg = QrCodeSvg.of(URI);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("aria-hidden=\"true\"")
                .doesNotContain("style", "<script", "href");
    }

    /** Paints the SVG's module runs into pixels, as a camera would see the code, and decodes it with ZXing. */
    private static String scan(String svg, int scale) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int size = modules * scale;
        int[] pixels = new int[size * size];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                for (int px = x * scale; px < (x + length) * scale; px++) {
                    pixels[py * size + px] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE));
        return result.getText();
    }
}
