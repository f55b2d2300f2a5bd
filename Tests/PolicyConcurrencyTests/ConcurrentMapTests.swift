import PolicyConcurrency
import Synchronization
import Testing

@Suite struct ConcurrentMapTests {
    /// Results come back in the order of the input, whichever core computed them.
    @Test func keepsTheOrderOfTheInput() {
        let input = Array(0..<10_000)
        #expect(ConcurrentMap.map(input) { $0 * 3 } == input.map { $0 * 3 })
    }

    /// A cache asked for the same key again returns the stored value without computing it twice.
    @Test func computesACachedValueOncePerKeyWhenCalledInTurn() {
        let cache = ComputedCache<Int>()
        let calls = Mutex(0)
        for _ in 0..<3 {
            #expect(
                cache.value(for: "k") {
                    calls.withLock { $0 += 1 }
                    return 42
                } == 42)
        }
        #expect(calls.withLock { $0 } == 1)
    }
}
