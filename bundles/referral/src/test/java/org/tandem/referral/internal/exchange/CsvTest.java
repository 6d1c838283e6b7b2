package org.tandem.referral.internal.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndKeepsStartLines() {
        String text = "\uFEFFa,b,c\r\n1,\"two, three\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",x,\r\nlast,,";
        List<Csv.Record> records = Csv.parse(text);

        assertThat(records).extracting(Csv.Record::line).containsExactly(1, 2, 4, 6);
        assertThat(records.get(0).fields()).containsExactly("a", "b", "c");
        assertThat(records.get(1).fields()).containsExactly("1", "two, three", "say \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("multi\nline", "x", "");
        assertThat(records.get(3).fields()).containsExactly("last", "", "");
    }

    @Test
    void malformedQuotingIsReportedWithItsLine() {
        assertThatThrownBy(() -> Csv.parse("a,b\nx,\"open\ny,z\n")).isInstanceOf(Csv.MalformedCsvException.class)
                .hasMessageContaining("line 2").hasMessageContaining("never closed");
        assertThatThrownBy(() -> Csv.parse("a,b\nx,y\"z\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Csv.parse("a,b\n\"x\"y,z\n")).hasMessageContaining("after a closing quote");
    }

    @Test
    void writesWhatItReads() {
        List<String> fields = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", " padded", "");
        assertThat(Csv.parse(Csv.line(fields)).get(0).fields()).isEqualTo(fields);
        assertThat(Csv.line(List.of("a", "b"))).isEqualTo("a,b\r\n");
    }
}
