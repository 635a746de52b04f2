package dev.notebooks.platform.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class MergePatchTest {

    @Test
    void toCoverTouchesOnlyTheKeysDesiredSets() {
        JsonObject actual = json("{'data':{'mine':'old','theirs':'kept'},'immutable':false}");
        JsonObject desired = json("{'data':{'mine':'new'}}");

        assertThat(MergePatch.toCover(actual, desired)).isEqualTo(json("{'data':{'mine':'new'}}"));
    }

    @Test
    void toCoverIsEmptyWhenTheServerOnlyAddedDefaults() {
        JsonObject actual = json("{'spec':{'ports':[{'port':80,'targetPort':8888,'protocol':'TCP'}],"
                + "'type':'ClusterIP','sessionAffinity':'None'}}");
        JsonObject desired = json("{'spec':{'ports':[{'port':80,'targetPort':8888}]}}");

        assertThat(MergePatch.toCover(actual, desired)).isEqualTo(new JsonObject());
    }

    @Test
    void toCoverWritesAWholeListWhenOneItemDiffers() {
        JsonObject actual = json("{'spec':{'ports':[{'port':80,'protocol':'TCP'},{'port':443}]}}");
        JsonObject desired = json("{'spec':{'ports':[{'port':80},{'port':8443}]}}");

        assertThat(MergePatch.toCover(actual, desired))
                .isEqualTo(json("{'spec':{'ports':[{'port':80},{'port':8443}]}}"));
    }

    @Test
    void aListOfAnotherLengthIsNotCovered() {
        assertThat(MergePatch.covers(array("[1,2]"), array("[1]"))).isFalse();
        assertThat(MergePatch.covers(array("[1]"), array("[1]"))).isTrue();
    }

    @Test
    void emptyMapsAndListsAskOnlyForAbsence() {
        assertThat(MergePatch.covers(null, json("{}"))).isTrue();
        assertThat(MergePatch.covers(null, array("[]"))).isTrue();
        assertThat(MergePatch.covers(array("[1]"), array("[]"))).isFalse();
        assertThat(MergePatch.toCover(json("{}"), json("{'labels':{}}"))).isEqualTo(new JsonObject());
    }

    @Test
    void aMissingOrDifferentScalarIsNotCovered() {
        assertThat(MergePatch.toCover(json("{}"), json("{'replicas':0}"))).isEqualTo(json("{'replicas':0}"));
        assertThat(MergePatch.toCover(json("{'replicas':1}"), json("{'replicas':0}")))
                .isEqualTo(json("{'replicas':0}"));
    }

    static JsonObject json(String json) {
        return JsonParser.parseString(json.replace('\'', '"')).getAsJsonObject();
    }

    private static JsonElement array(String json) {
        return JsonParser.parseString(json);
    }
}
