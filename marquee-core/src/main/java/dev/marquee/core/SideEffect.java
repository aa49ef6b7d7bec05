package dev.marquee.core;

/** Work done after the response is decided (impression logging); run asynchronously by the executor. */
public interface SideEffect extends Component {
    void run(FeedQuery query, PipelineResult result);
}
